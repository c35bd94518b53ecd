package org.cluetrain.lucene;

import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.spans.SpanMultiTermQueryWrapper;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanOrQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.cluetrain.lucene.PostAnalyzer.Word;
import org.cluetrain.query.QueryNode;
import org.cluetrain.query.QueryNode.And;
import org.cluetrain.query.QueryNode.FieldFilter;
import org.cluetrain.query.QueryNode.Hashtag;
import org.cluetrain.query.QueryNode.InTitle;
import org.cluetrain.query.QueryNode.Mention;
import org.cluetrain.query.QueryNode.Near;
import org.cluetrain.query.QueryNode.Not;
import org.cluetrain.query.QueryNode.Or;
import org.cluetrain.query.QueryNode.Phrase;
import org.cluetrain.query.QueryNode.Prefix;
import org.cluetrain.query.QueryParser;
import org.cluetrain.query.QuerySyntaxException;

/**
 * Compiles the query language into Lucene queries over the fields of {@code PostDocuments}. The
 * live matcher ({@link MonitorQueryMatcher}) and the store ({@link LucenePostStore}) both use it,
 * with the same {@link PostAnalyzer}, which is what makes matching and search agree.
 *
 * <ul>
 *   <li>a word is analysed; if it becomes several tokens ({@code e-mail}) it is a phrase;
 *   <li>{@code bahn*} is a prefix query on the normalised prefix;
 *   <li>{@code NEAR/n} is a span query with slop n (at most n words between), ordered for {@code
 *       ONEAR}; OR-groups become span-ORs and wildcards span-wrapped prefix queries;
 *   <li>NOT is a prohibited clause; where nothing positive is beside it, "all posts" is;
 *   <li>field filters are term queries on the normalised keyword fields.
 * </ul>
 *
 * Thread-safe.
 */
public final class LuceneQueryCompiler {
  private final PostAnalyzer analyzer;

  public LuceneQueryCompiler(PostAnalyzer analyzer) {
    this.analyzer = analyzer;
  }

  /** Parses and compiles query text. */
  public Query compile(String query) throws QuerySyntaxException {
    return compile(QueryParser.parse(query));
  }

  /**
   * Compiles a parsed query.
   *
   * @throws IllegalArgumentException when a word has nothing searchable after analysis (rare: the
   *     parser already demands a letter or digit)
   */
  public Query compile(QueryNode node) {
    return query(node, PostDocuments.TEXT);
  }

  private Query query(QueryNode node, String field) {
    if (node instanceof QueryNode.Term term) {
      return words(field, term.word());
    } else if (node instanceof Phrase phrase) {
      return words(field, phrase.text());
    } else if (node instanceof Prefix prefix) {
      return new PrefixQuery(new Term(field, analyzer.normalizeKeyword(prefix.prefix())));
    } else if (node instanceof And and) {
      BooleanQuery.Builder all = new BooleanQuery.Builder();
      boolean positive = false;
      for (QueryNode operand : and.operands()) {
        if (operand instanceof Not not) {
          all.add(query(not.operand(), field), Occur.MUST_NOT);
        } else {
          all.add(query(operand, field), Occur.MUST);
          positive = true;
        }
      }
      if (!positive) {
        all.add(new MatchAllDocsQuery(), Occur.MUST);
      }
      return all.build();
    } else if (node instanceof Or or) {
      BooleanQuery.Builder any = new BooleanQuery.Builder();
      for (QueryNode operand : or.operands()) {
        any.add(query(operand, field), Occur.SHOULD);
      }
      return any.build();
    } else if (node instanceof Not not) {
      // a prohibited clause alone matches nothing in Lucene; NOT x means "every post but x"
      return new BooleanQuery.Builder()
          .add(new MatchAllDocsQuery(), Occur.MUST)
          .add(query(not.operand(), field), Occur.MUST_NOT)
          .build();
    } else if (node instanceof Near near) {
      return span(near, field);
    } else if (node instanceof InTitle title) {
      return query(title.query(), PostDocuments.TITLE);
    } else if (node instanceof FieldFilter filter) {
      return fieldFilter(filter);
    } else if (node instanceof Hashtag hashtag) {
      return keyword(PostDocuments.HASHTAG, hashtag.tag());
    } else if (node instanceof Mention mention) {
      return keyword(PostDocuments.MENTION, mention.account());
    }
    throw new IllegalArgumentException("cannot compile " + node);
  }

  private Query fieldFilter(FieldFilter filter) {
    String value = filter.value();
    return switch (filter.field()) {
      case LANG -> keyword(PostDocuments.LANG, value);
      case SOURCE -> keyword(PostDocuments.SOURCE, value);
      case AUTHOR ->
          keyword(PostDocuments.AUTHOR, value.startsWith("@") ? value.substring(1) : value);
      case SITE -> keyword(PostDocuments.SITE, PostDocuments.siteValue(value));
      case KIND -> keyword(PostDocuments.KIND, value);
    };
  }

  private Query keyword(String field, String value) {
    return new TermQuery(new Term(field, analyzer.normalizeKeyword(value)));
  }

  private Query words(String field, String text) {
    List<Word> tokens = analyzer.queryWords(field, text);
    if (tokens.size() == 1) {
      return new TermQuery(new Term(field, tokens.get(0).text()));
    }
    PhraseQuery.Builder phrase = new PhraseQuery.Builder();
    for (Word token : tokens) {
      phrase.add(new Term(field, token.text()), token.position());
    }
    return phrase.build();
  }

  private SpanQuery span(QueryNode node, String field) {
    if (node instanceof QueryNode.Term term) {
      return spanWords(field, term.word());
    } else if (node instanceof Phrase phrase) {
      return spanWords(field, phrase.text());
    } else if (node instanceof Prefix prefix) {
      // expands to the matching words of the index; more than the clause limit fails the search
      // with TooManyClauses rather than silently dropping words, which would break agreement
      return new SpanMultiTermQueryWrapper<>(
          new PrefixQuery(new Term(field, analyzer.normalizeKeyword(prefix.prefix()))));
    } else if (node instanceof Or or) {
      return new SpanOrQuery(
          or.operands().stream().map(operand -> span(operand, field)).toArray(SpanQuery[]::new));
    } else if (node instanceof Near near) {
      return new SpanNearQuery(
          new SpanQuery[] {span(near.left(), field), span(near.right(), field)},
          near.distance(),
          near.ordered());
    }
    // the parser only lets words, phrases, wildcards, OR-groups and NEARs into NEAR
    throw new IllegalArgumentException("NEAR cannot take " + node.toQueryString());
  }

  private SpanQuery spanWords(String field, String text) {
    List<Word> tokens = analyzer.queryWords(field, text);
    if (tokens.size() == 1) {
      return new SpanTermQuery(new Term(field, tokens.get(0).text()));
    }
    SpanNearQuery.Builder phrase = SpanNearQuery.newOrderedNearQuery(field);
    int position = 0;
    for (Word token : tokens) {
      if (token.position() > position) {
        phrase.addGap(token.position() - position);
      }
      phrase.addClause(new SpanTermQuery(new Term(field, token.text())));
      position = token.position() + 1;
    }
    return phrase.build();
  }
}
