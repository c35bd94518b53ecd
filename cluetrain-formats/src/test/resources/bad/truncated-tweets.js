window.YTD.tweets.part0 = [
  { "tweet" : { "id_str" : "1500000000000000000", "full_text" : "first tweet #Hello @Someone", "created_at" : "Sat Mar 05 10:00:00 +0000 2022",
    "entities" : { "hashtags" : [ { "text" : "Hello" } ], "user_mentions" : [ { "screen_name" : "Someone" } ], "urls" : [ ] } } },
  { "tweet" : { "id_str" : "1500000000000000001", "created_at" : "Sat Mar 05 10:01:00 +0000 2022" } },
  { "tweet" : { "id_str" : "1500000000000000002", "full_text" : "third tw
