/**
 * X/Twitter: account archives ({@link org.cluetrain.formats.x.XArchiveReader}, streamed) and API
 * responses v1.1 and v2 ({@link org.cluetrain.formats.x.TwitterApiReader}). Both map tweets with
 * one {@code TweetMapping}: ids {@code x:<tweet id>}, replies' parent from {@code
 * in_reply_to_status_id} (v1.1) or {@code referenced_tweets} (v2), thread from {@code
 * conversation_id}, mentions, hashtags and expanded links from the entities, likes, retweets and
 * replies as engagement.
 *
 * <p>To read another tweet shape, turn it into one of the two objects TweetMapping knows, or add a
 * mapping method beside them.
 */
package org.cluetrain.formats.x;
