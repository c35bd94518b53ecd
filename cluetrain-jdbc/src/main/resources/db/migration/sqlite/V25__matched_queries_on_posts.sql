-- What a post matched moves from one row per match (the matches table) to one column of the post:
-- the ids of the queries it matched, each followed by a line break and the list led by one
-- ("\nbrand/a\nbrand/b\n"), so that a LIKE on "\nid\n" finds one id exactly. Recording a batch then
-- writes one row per post instead of one per match, which was most of the ledger's cost.
ALTER TABLE posts ADD COLUMN queries TEXT;
UPDATE posts SET queries = (
  SELECT char(10) || group_concat(m.query_id, char(10)) || char(10)
  FROM matches m WHERE m.post_id = posts.id);
DROP TABLE matches;
