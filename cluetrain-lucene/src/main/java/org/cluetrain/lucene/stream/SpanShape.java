package org.cluetrain.lucene.stream;

/**
 * A compiled span query, the {@code SpanQuery} tree {@code LuceneQueryCompiler} builds for {@code
 * NEAR}: opened on a field of a post it gives the {@link PositionSpans}, or {@code null} where
 * Lucene's weight would give no spans for the document.
 */
sealed interface SpanShape {

  PositionSpans open(FieldTokens field);

  /** A word, or a wildcard (its words' spans merged, as Lucene's span-OR of the expansion). */
  record Word(int id) implements SpanShape {
    @Override
    public PositionSpans open(FieldTokens field) {
      int index = field.find(id);
      return index < 0
          ? null
          : new PositionSpans.Term(field.positions(), field.from(index), field.to(index));
    }
  }

  /** A gap between the words of a phrase. */
  record Gap(int width) implements SpanShape {
    @Override
    public PositionSpans open(FieldTokens field) {
      return new PositionSpans.Gap(width);
    }
  }

  /** An OR-group: the spans of the operands the post contains. */
  record Or(SpanShape[] operands) implements SpanShape {
    @Override
    public PositionSpans open(FieldTokens field) {
      PositionSpans[] present = new PositionSpans[operands.length];
      int count = 0;
      for (SpanShape operand : operands) {
        PositionSpans spans = operand.open(field);
        if (spans != null) {
          present[count++] = spans;
        }
      }
      if (count == 0) {
        return null;
      }
      if (count == 1) {
        return present[0];
      }
      return new PositionSpans.Or(java.util.Arrays.copyOf(present, count));
    }
  }

  /** {@code NEAR/n} (unordered), {@code ONEAR/n} and phrases (ordered). */
  record Near(SpanShape[] operands, int slop, boolean ordered) implements SpanShape {
    @Override
    public PositionSpans open(FieldTokens field) {
      PositionSpans[] spans = new PositionSpans[operands.length];
      for (int i = 0; i < operands.length; i++) {
        spans[i] = operands[i].open(field);
        if (spans[i] == null) {
          return null;
        }
      }
      return ordered
          ? PositionSpans.OrderedNear.first(spans, slop)
          : PositionSpans.UnorderedNear.first(spans, slop);
    }
  }
}
