package org.cluetrain.lucene;

import java.time.Instant;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.cluetrain.model.Author;
import org.cluetrain.model.Label;
import org.cluetrain.model.Post;
import org.cluetrain.privacy.Subject;
import org.cluetrain.store.StoredPost;

/**
 * Turns posts into Lucene documents: the searchable fields are the same for live matching and for
 * the store, which adds the fields for filtering, sorting and rebuilding the post.
 */
final class PostDocuments {
  /** Title and text, analysed with positions (phrases and NEAR). */
  static final String TEXT = "text";

  /** The title alone, analysed, for {@code title:}. */
  static final String TITLE = "title";

  /** Keyword fields, normalised like words (lower case, umlauts and accents folded). */
  static final String LANG = "lang";

  static final String SOURCE = "source";
  static final String AUTHOR = "author";
  static final String SITE = "site";
  static final String KIND = "kind";
  static final String HASHTAG = "hashtag";
  static final String MENTION = "mention";

  /** Exact, not normalised: identifiers for filters and look-ups. */
  static final String ID = "id";

  static final String PROJECT = "project";
  static final String THREAD = "thread";
  static final String MATCHED_QUERY = "matched_query";

  /** The post's parent, exact: to count the answers a post received. */
  static final String PARENT = "parent";

  /** The sentiment label's value, exact ({@code positive}, {@code negative}, …). */
  static final String SENTIMENT = "sentiment";

  /**
   * Doc values only: how many stored comments and replies by somebody else answer the post. Kept up
   * to date in place by the store as answers arrive (see {@code LucenePostStore#store}).
   */
  static final String ANSWERS = "answers";

  /** Publication time as epoch nanoseconds: a point for ranges, doc values for sorting. */
  static final String PUBLISHED = "published";

  /** The stored JSON copy of the {@link StoredPost}. */
  static final String STORED = "stored";

  private final PostAnalyzer analyzer;
  private final PostJson json;

  PostDocuments(PostAnalyzer analyzer) {
    this.analyzer = analyzer;
    this.json = new PostJson();
  }

  /** The fields a query can see; what live matching indexes per post. */
  Document forMatching(Post post) {
    Document doc = new Document();
    doc.add(new TextField(TEXT, post.fullText(), Store.NO));
    if (post.title() != null && !post.title().isBlank()) {
      doc.add(new TextField(TITLE, post.title(), Store.NO));
    }
    keyword(doc, LANG, post.lang());
    keyword(doc, SOURCE, post.source().id());
    keyword(doc, SOURCE, post.source().type().label());
    keyword(doc, SOURCE, post.source().name());
    Author author = post.author();
    if (author != null) {
      keyword(doc, AUTHOR, author.id());
      keyword(doc, AUTHOR, author.name());
      keyword(doc, AUTHOR, author.handle());
      if (author.url() != null) {
        // a subject request may name the person by their profile's address, in any usual form
        keyword(doc, AUTHOR, author.url());
        keyword(doc, AUTHOR, Subject.normalUrl(author.url()));
      }
    }
    for (String site : siteAndParents(post.site())) {
      keyword(doc, SITE, site);
    }
    keyword(doc, KIND, post.kind().label());
    post.hashtags().forEach(tag -> keyword(doc, HASHTAG, tag));
    post.mentions().forEach(account -> keyword(doc, MENTION, account));
    return doc;
  }

  /**
   * Everything the store needs: the searchable fields plus filters, sort keys and the JSON copy.
   */
  Document forStore(StoredPost stored) {
    Post post = stored.post();
    Document doc = forMatching(post);
    doc.add(new StringField(ID, post.id(), Store.NO));
    doc.add(new SortedDocValuesField(ID, new BytesRef(post.id())));
    doc.add(new StringField(THREAD, post.threadId(), Store.NO));
    if (post.project() != null) {
      doc.add(new StringField(PROJECT, post.project(), Store.NO));
    }
    stored.matchedQueries().forEach(id -> doc.add(new StringField(MATCHED_QUERY, id, Store.NO)));
    if (post.parentId() != null) {
      doc.add(new StringField(PARENT, post.parentId(), Store.NO));
    }
    Label sentiment = post.labels().get(SENTIMENT);
    if (sentiment != null) {
      doc.add(new StringField(SENTIMENT, sentiment.value(), Store.NO));
    }
    doc.add(new NumericDocValuesField(ANSWERS, 0));
    long published = sortKey(post.published());
    doc.add(new LongPoint(PUBLISHED, published));
    doc.add(new NumericDocValuesField(PUBLISHED, published));
    doc.add(new StoredField(STORED, json.write(stored)));
    return doc;
  }

  /** Rebuilds the stored post from a document's stored fields. */
  StoredPost read(Document doc) {
    return json.read(doc.getBinaryValue(STORED));
  }

  /**
   * Epoch nanoseconds, saturated outside 1677..2262, so that {@code since}/{@code until} compare
   * exactly like {@link Instant}s do.
   */
  static long sortKey(Instant instant) {
    try {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    } catch (ArithmeticException outOfRange) {
      return instant.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** The host and every parent domain; see {@link Sites#siteAndParents(String)}. */
  static List<String> siteAndParents(String host) {
    return Sites.siteAndParents(host);
  }

  /** A host as written in a query or a URL; see {@link Sites#siteValue(String)}. */
  static String siteValue(String value) {
    return Sites.siteValue(value);
  }

  /** A term of a keyword field, normalised the way the field was indexed. */
  Term keywordTerm(String field, String value) {
    return new Term(field, analyzer.normalizeKeyword(value));
  }

  private void keyword(Document doc, String field, String value) {
    if (value != null && !value.isBlank()) {
      doc.add(new StringField(field, analyzer.normalizeKeyword(value), Store.NO));
    }
  }
}
