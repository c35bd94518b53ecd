-- What a post matched moves from one row per match (the matches table) to one column of the post:
-- the ids of the queries it matched, each followed by a line break and the list led by one
-- (E'\nbrand/a\nbrand/b\n'), so that a LIKE on E'\nid\n' finds one id exactly. Recording a batch
-- then writes one row per post instead of one per match, which was most of the ledger's cost.
ALTER TABLE posts ADD COLUMN queries TEXT;
UPDATE posts SET queries = (
  SELECT E'\n' || string_agg(m.query_id, E'\n') || E'\n'
  FROM matches m WHERE m.post_id = posts.id);
DROP TABLE matches;
