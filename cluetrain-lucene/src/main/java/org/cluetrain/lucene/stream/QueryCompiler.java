package org.cluetrain.lucene.stream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.cluetrain.lucene.PostAnalyzer;
import org.cluetrain.lucene.Sites;
import org.cluetrain.query.QueryNode;

/**
 * Compiles parsed queries into {@link Condition}s over one shared vocabulary of word, prefix and
 * keyword ids, and chooses for each query its <em>required evidence</em>: a set of ids of which
 * every matching post contains at least one, as cheap as the query allows. Not thread-safe: one
 * compiler builds one {@link QuerySet}.
 */
final class QueryCompiler {
  /** A compiled query and its evidence ({@code null}: it must run on every post). */
  record Compiled(Condition condition, Evidence evidence) {}

  /**
   * Ids of which a match contains at least one, and a guess of how many posts contain one: the sum
   * of the ids' costs. The guesses only decide speed, never what matches.
   */
  record Evidence(int[] ids, double cost) {
    static Evidence of(int id, double cost) {
      return new Evidence(new int[] {id}, cost);
    }

    static Evidence cheaper(Evidence a, Evidence b) {
      return a == null ? b : b == null ? a : b.cost < a.cost ? b : a;
    }

    static Evidence union(List<Evidence> alternatives) {
      int size = 0;
      double cost = 0;
      for (Evidence evidence : alternatives) {
        if (evidence == null) {
          return null; // one alternative can match without evidence
        }
        size += evidence.ids.length;
        cost += evidence.cost;
      }
      int[] ids = new int[size];
      int at = 0;
      for (Evidence evidence : alternatives) {
        System.arraycopy(evidence.ids, 0, ids, at, evidence.ids.length);
        at += evidence.ids.length;
      }
      return new Evidence(ids, cost);
    }
  }

  /*
   * Guessed share of posts holding a piece of evidence. Without statistics of the stream, shorter
   * words are taken to be more common and wildcards as common as a short word; the keyword fields
   * that every post has (lang, kind, source) are the last resort.
   */
  private static double wordCost(String word) {
    return 8.0 / Math.max(1, word.length());
  }

  private static double prefixCost(String prefix) {
    return 40.0 / Math.max(1, prefix.length());
  }

  private static double keywordCost(KeywordField field) {
    return switch (field) {
      case LANG, KIND, SOURCE -> 1000;
      case SITE -> 300;
      case AUTHOR -> 20;
      case HASHTAG, MENTION -> 3;
    };
  }

  private final PostAnalyzer analyzer;
  final TermTable textWords = new TermTable();
  final TermTable titleWords = new TermTable();
  final Map<String, Integer> textPrefixes = new HashMap<>();
  final Map<String, Integer> titlePrefixes = new HashMap<>();
  final Map<String, Integer> keywords = new HashMap<>();
  boolean usesTitle;
  private int nextId;

  QueryCompiler(PostAnalyzer analyzer) {
    this.analyzer = analyzer;
  }

  int idCount() {
    return nextId;
  }

  /**
   * Compiles a parsed query.
   *
   * @throws IllegalArgumentException when a word has nothing searchable after analysis, with the
   *     message of {@code LuceneQueryCompiler}
   */
  Compiled compile(QueryNode node) {
    return compile(node, false);
  }

  private Compiled compile(QueryNode node, boolean title) {
    if (node instanceof QueryNode.Term term) {
      return words(term.word(), title);
    } else if (node instanceof QueryNode.Phrase phrase) {
      return words(phrase.text(), title);
    } else if (node instanceof QueryNode.Prefix prefix) {
      String normalized = analyzer.normalizeKeyword(prefix.prefix());
      return new Compiled(
          new Condition.Has(prefixId(normalized, title), title),
          Evidence.of(prefixId(normalized, title), prefixCost(normalized)));
    } else if (node instanceof QueryNode.And and) {
      List<Condition> required = new ArrayList<>();
      List<Condition> excluded = new ArrayList<>();
      Evidence evidence = null;
      for (QueryNode operand : and.operands()) {
        if (operand instanceof QueryNode.Not not) {
          excluded.add(compile(not.operand(), title).condition());
        } else {
          Compiled compiled = compile(operand, title);
          required.add(compiled.condition());
          evidence = Evidence.cheaper(evidence, compiled.evidence());
        }
      }
      return new Compiled(
          new Condition.All(required.toArray(Condition[]::new), excluded.toArray(Condition[]::new)),
          evidence);
    } else if (node instanceof QueryNode.Or or) {
      List<Condition> operands = new ArrayList<>();
      List<Evidence> evidence = new ArrayList<>();
      for (QueryNode operand : or.operands()) {
        Compiled compiled = compile(operand, title);
        operands.add(compiled.condition());
        evidence.add(compiled.evidence());
      }
      return new Compiled(
          new Condition.Any(operands.toArray(Condition[]::new)), Evidence.union(evidence));
    } else if (node instanceof QueryNode.Not not) {
      return new Compiled(
          new Condition.All(
              new Condition[0], new Condition[] {compile(not.operand(), title).condition()}),
          null);
    } else if (node instanceof QueryNode.Near near) {
      Spanned spanned = span(near, title);
      return new Compiled(new Condition.Near(spanned.shape(), title), spanned.evidence());
    } else if (node instanceof QueryNode.InTitle inTitle) {
      usesTitle = true;
      return compile(inTitle.query(), true);
    } else if (node instanceof QueryNode.FieldFilter filter) {
      String value = filter.value();
      return switch (filter.field()) {
        case LANG -> keyword(KeywordField.LANG, value);
        case SOURCE -> keyword(KeywordField.SOURCE, value);
        case AUTHOR ->
            keyword(KeywordField.AUTHOR, value.startsWith("@") ? value.substring(1) : value);
        case SITE -> keyword(KeywordField.SITE, Sites.siteValue(value));
        case KIND -> keyword(KeywordField.KIND, value);
      };
    } else if (node instanceof QueryNode.Hashtag hashtag) {
      return keyword(KeywordField.HASHTAG, hashtag.tag());
    } else if (node instanceof QueryNode.Mention mention) {
      return keyword(KeywordField.MENTION, mention.account());
    }
    throw new IllegalArgumentException("cannot compile " + node);
  }

  private Compiled keyword(KeywordField field, String value) {
    int id = keywordId(field, analyzer.normalizeKeyword(value));
    return new Compiled(new Condition.Keyword(id), Evidence.of(id, keywordCost(field)));
  }

  private Compiled words(String text, boolean title) {
    List<Token> tokens = analyze(text);
    if (tokens.size() == 1) {
      int id = wordId(tokens.get(0).text(), title);
      return new Compiled(
          new Condition.Has(id, title), Evidence.of(id, wordCost(tokens.get(0).text())));
    }
    int[] ids = new int[tokens.size()];
    int[] offsets = new int[tokens.size()];
    Evidence evidence = null;
    for (int i = 0; i < tokens.size(); i++) {
      ids[i] = wordId(tokens.get(i).text(), title);
      offsets[i] = tokens.get(i).position();
      evidence = Evidence.cheaper(evidence, Evidence.of(ids[i], wordCost(tokens.get(i).text())));
    }
    return new Compiled(new Condition.Phrase(ids, offsets, title), evidence);
  }

  private record Spanned(SpanShape shape, Evidence evidence) {}

  private Spanned span(QueryNode node, boolean title) {
    if (node instanceof QueryNode.Term term) {
      return spanWords(term.word(), title);
    } else if (node instanceof QueryNode.Phrase phrase) {
      return spanWords(phrase.text(), title);
    } else if (node instanceof QueryNode.Prefix prefix) {
      String normalized = analyzer.normalizeKeyword(prefix.prefix());
      int id = prefixId(normalized, title);
      return new Spanned(new SpanShape.Word(id), Evidence.of(id, prefixCost(normalized)));
    } else if (node instanceof QueryNode.Or or) {
      List<SpanShape> shapes = new ArrayList<>();
      List<Evidence> evidence = new ArrayList<>();
      for (QueryNode operand : or.operands()) {
        Spanned spanned = span(operand, title);
        shapes.add(spanned.shape());
        evidence.add(spanned.evidence());
      }
      return new Spanned(
          new SpanShape.Or(shapes.toArray(SpanShape[]::new)), Evidence.union(evidence));
    } else if (node instanceof QueryNode.Near near) {
      Spanned left = span(near.left(), title);
      Spanned right = span(near.right(), title);
      return new Spanned(
          new SpanShape.Near(
              new SpanShape[] {left.shape(), right.shape()}, near.distance(), near.ordered()),
          Evidence.cheaper(left.evidence(), right.evidence()));
    }
    // the parser only lets words, phrases, wildcards, OR-groups and NEARs into NEAR
    throw new IllegalArgumentException("NEAR cannot take " + node.toQueryString());
  }

  private Spanned spanWords(String text, boolean title) {
    List<Token> tokens = analyze(text);
    if (tokens.size() == 1) {
      int id = wordId(tokens.get(0).text(), title);
      return new Spanned(new SpanShape.Word(id), Evidence.of(id, wordCost(tokens.get(0).text())));
    }
    List<SpanShape> clauses = new ArrayList<>();
    Evidence evidence = null;
    int position = 0;
    for (Token token : tokens) {
      if (token.position() > position) {
        clauses.add(new SpanShape.Gap(token.position() - position));
      }
      int id = wordId(token.text(), title);
      clauses.add(new SpanShape.Word(id));
      evidence = Evidence.cheaper(evidence, Evidence.of(id, wordCost(token.text())));
      position = token.position() + 1;
    }
    return new Spanned(new SpanShape.Near(clauses.toArray(SpanShape[]::new), 0, true), evidence);
  }

  private int wordId(String word, boolean title) {
    TermTable table = title ? titleWords : textWords;
    int id = table.get(word);
    return id >= 0 ? id : table.putIfAbsent(word, nextId++);
  }

  private int prefixId(String prefix, boolean title) {
    return (title ? titlePrefixes : textPrefixes).computeIfAbsent(prefix, p -> nextId++);
  }

  private int keywordId(KeywordField field, String normalized) {
    return keywords.computeIfAbsent(field.key(normalized), k -> nextId++);
  }

  private record Token(String text, int position) {}

  /** The analysis of {@code LuceneQueryCompiler}: tokens with positions, the first at 0. */
  private List<Token> analyze(String text) {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      int position = -1;
      while (stream.incrementToken()) {
        position += increment.getPositionIncrement();
        tokens.add(new Token(term.toString(), position));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // analysing a String does no I/O
    }
    if (tokens.isEmpty()) {
      throw new IllegalArgumentException("'" + text + "' has no words to search for");
    }
    if (tokens.get(0).position() > 0) {
      int shift = tokens.get(0).position();
      tokens.replaceAll(token -> new Token(token.text(), token.position() - shift));
    }
    return tokens;
  }
}
