package org.cluetrain.lucene.stream;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cluetrain.lucene.PostAnalyzer;
import org.cluetrain.lucene.PostAnalyzer.Word;
import org.cluetrain.lucene.Sites;
import org.cluetrain.query.QueryNode;

/**
 * Compiles parsed queries into {@link Condition}s over one shared vocabulary of word, prefix and
 * keyword ids, and guesses for each id how common it is ({@link #guessedCosts()}), for the {@link
 * EvidencePlan} until the stream has shown the real frequencies. Not thread-safe: one compiler
 * builds one {@link QuerySet}.
 */
final class QueryCompiler {
  /*
   * Guessed share of posts holding an id, before the stream has shown it: shorter words are taken
   * to be more common and wildcards as common as a short word; the keyword fields that every post
   * has (lang, kind, source) are the last resort.
   */
  private static double wordCost(String word) {
    return 0.08 / Math.max(1, word.length());
  }

  private static double prefixCost(String prefix) {
    return 0.4 / Math.max(1, prefix.length());
  }

  private static double keywordCost(KeywordField field) {
    return switch (field) {
      case LANG, KIND, SOURCE -> 0.9;
      case SITE -> 0.3;
      case AUTHOR -> 0.02;
      case HASHTAG, MENTION -> 0.003;
    };
  }

  private final PostAnalyzer analyzer;
  final TermTable textWords = new TermTable();
  final TermTable titleWords = new TermTable();
  final Map<String, Integer> textPrefixes = new HashMap<>();
  final Map<String, Integer> titlePrefixes = new HashMap<>();
  final Map<String, Integer> keywords = new HashMap<>();
  boolean usesTitle;
  private double[] guessed = new double[64];
  private int nextId;

  QueryCompiler(PostAnalyzer analyzer) {
    this.analyzer = analyzer;
  }

  int idCount() {
    return nextId;
  }

  /** For each id, the guessed share of posts containing it. */
  double[] guessedCosts() {
    return java.util.Arrays.copyOf(guessed, nextId);
  }

  private int newId(double cost) {
    if (nextId == guessed.length) {
      guessed = java.util.Arrays.copyOf(guessed, nextId * 2);
    }
    guessed[nextId] = cost;
    return nextId++;
  }

  /**
   * Compiles a parsed query.
   *
   * @throws IllegalArgumentException when a word has nothing searchable after analysis, with the
   *     message of {@code LuceneQueryCompiler}
   */
  Condition compile(QueryNode node) {
    return compile(node, false);
  }

  private Condition compile(QueryNode node, boolean title) {
    if (node instanceof QueryNode.Term term) {
      return words(term.word(), title);
    } else if (node instanceof QueryNode.Phrase phrase) {
      return words(phrase.text(), title);
    } else if (node instanceof QueryNode.Prefix prefix) {
      return new Condition.Has(prefixId(analyzer.normalizeKeyword(prefix.prefix()), title), title);
    } else if (node instanceof QueryNode.And and) {
      List<Condition> required = new ArrayList<>();
      List<Condition> excluded = new ArrayList<>();
      for (QueryNode operand : and.operands()) {
        if (operand instanceof QueryNode.Not not) {
          excluded.add(compile(not.operand(), title));
        } else {
          required.add(compile(operand, title));
        }
      }
      return new Condition.All(
          required.toArray(Condition[]::new), excluded.toArray(Condition[]::new));
    } else if (node instanceof QueryNode.Or or) {
      return new Condition.Any(
          or.operands().stream().map(operand -> compile(operand, title)).toArray(Condition[]::new));
    } else if (node instanceof QueryNode.Not not) {
      return new Condition.All(new Condition[0], new Condition[] {compile(not.operand(), title)});
    } else if (node instanceof QueryNode.Near near) {
      return new Condition.Near(span(near, title), title);
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

  private Condition keyword(KeywordField field, String value) {
    return new Condition.Keyword(keywordId(field, analyzer.normalizeKeyword(value)));
  }

  private Condition words(String text, boolean title) {
    List<Word> tokens = analyzer.queryWords("text", text);
    if (tokens.size() == 1) {
      return new Condition.Has(wordId(tokens.get(0).text(), title), title);
    }
    int[] ids = new int[tokens.size()];
    int[] offsets = new int[tokens.size()];
    for (int i = 0; i < tokens.size(); i++) {
      ids[i] = wordId(tokens.get(i).text(), title);
      offsets[i] = tokens.get(i).position();
    }
    return new Condition.Phrase(ids, offsets, title);
  }

  private SpanShape span(QueryNode node, boolean title) {
    if (node instanceof QueryNode.Term term) {
      return spanWords(term.word(), title);
    } else if (node instanceof QueryNode.Phrase phrase) {
      return spanWords(phrase.text(), title);
    } else if (node instanceof QueryNode.Prefix prefix) {
      return new SpanShape.Word(prefixId(analyzer.normalizeKeyword(prefix.prefix()), title));
    } else if (node instanceof QueryNode.Or or) {
      return new SpanShape.Or(
          or.operands().stream().map(operand -> span(operand, title)).toArray(SpanShape[]::new));
    } else if (node instanceof QueryNode.Near near) {
      return new SpanShape.Near(
          new SpanShape[] {span(near.left(), title), span(near.right(), title)},
          near.distance(),
          near.ordered());
    }
    // the parser only lets words, phrases, wildcards, OR-groups and NEARs into NEAR
    throw new IllegalArgumentException("NEAR cannot take " + node.toQueryString());
  }

  private SpanShape spanWords(String text, boolean title) {
    List<Word> tokens = analyzer.queryWords("text", text);
    if (tokens.size() == 1) {
      return new SpanShape.Word(wordId(tokens.get(0).text(), title));
    }
    List<SpanShape> clauses = new ArrayList<>();
    int position = 0;
    for (Word token : tokens) {
      if (token.position() > position) {
        clauses.add(new SpanShape.Gap(token.position() - position));
      }
      clauses.add(new SpanShape.Word(wordId(token.text(), title)));
      position = token.position() + 1;
    }
    return new SpanShape.Near(clauses.toArray(SpanShape[]::new), 0, true);
  }

  private int wordId(String word, boolean title) {
    TermTable table = title ? titleWords : textWords;
    int id = table.get(word);
    return id >= 0 ? id : table.putIfAbsent(word, newId(wordCost(word)));
  }

  private int prefixId(String prefix, boolean title) {
    return (title ? titlePrefixes : textPrefixes)
        .computeIfAbsent(prefix, p -> newId(prefixCost(p)));
  }

  private int keywordId(KeywordField field, String normalized) {
    return keywords.computeIfAbsent(field.key(normalized), k -> newId(keywordCost(field)));
  }
}
