package org.cluetrain.lucene.stream;

/**
 * A compiled query, evaluated on one analysed post. Each kind mirrors the Lucene query that {@code
 * LuceneQueryCompiler} builds for the same node, so that both engines decide alike.
 */
sealed interface Condition {

  boolean matches(PostView post);

  /**
   * A single word or a wildcard in the text or the title ({@code TermQuery}, {@code PrefixQuery}).
   */
  record Has(int id, boolean title) implements Condition {
    @Override
    public boolean matches(PostView post) {
      return post.field(title).contains(id);
    }
  }

  /**
   * An exact phrase ({@code PhraseQuery}): the words at their offsets from some start position. A
   * word the analysis splits ({@code e-mail}) is one too.
   */
  record Phrase(int[] ids, int[] offsets, boolean title) implements Condition {
    @Override
    public boolean matches(PostView post) {
      FieldTokens field = post.field(title);
      int lead = field.find(ids[0]);
      if (lead < 0) {
        return false;
      }
      for (int i = 1; i < ids.length; i++) {
        if (!field.contains(ids[i])) {
          return false;
        }
      }
      int[] positions = field.positions();
      for (int p = field.from(lead); p < field.to(lead); p++) {
        int start = positions[p] - offsets[0];
        boolean all = true;
        for (int i = 1; i < ids.length && all; i++) {
          all = field.at(ids[i], start + offsets[i]);
        }
        if (all) {
          return true;
        }
      }
      return false;
    }
  }

  /**
   * A keyword field's value ({@code lang:}, {@code source:}, {@code #tag}, {@code @account}, …).
   */
  record Keyword(int id) implements Condition {
    @Override
    public boolean matches(PostView post) {
      return post.hasKeyword(id);
    }
  }

  /** {@code NEAR/n}, {@code ONEAR/n}: at least one span of the span query. */
  record Near(SpanShape shape, boolean title) implements Condition {
    @Override
    public boolean matches(PostView post) {
      return shape.open(post.field(title)) != null;
    }
  }

  /** Every required operand and none of the excluded ones; with none required, every post. */
  record All(Condition[] required, Condition[] excluded) implements Condition {
    @Override
    public boolean matches(PostView post) {
      for (Condition condition : required) {
        if (!condition.matches(post)) {
          return false;
        }
      }
      for (Condition condition : excluded) {
        if (condition.matches(post)) {
          return false;
        }
      }
      return true;
    }
  }

  /** At least one operand. */
  record Any(Condition[] operands) implements Condition {
    @Override
    public boolean matches(PostView post) {
      for (Condition condition : operands) {
        if (condition.matches(post)) {
          return true;
        }
      }
      return false;
    }
  }
}
