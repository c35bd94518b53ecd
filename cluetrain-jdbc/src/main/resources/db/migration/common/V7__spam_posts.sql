-- Whether the spam classifier judged a post spam (1) when it was recorded: the figures about people
-- (the most active authors) leave spam out. Posts recorded before this column existed count as not
-- spam.
ALTER TABLE posts ADD COLUMN spam INTEGER NOT NULL DEFAULT 0;
