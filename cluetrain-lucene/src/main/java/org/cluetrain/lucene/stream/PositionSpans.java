package org.cluetrain.lucene.stream;

import org.apache.lucene.util.PriorityQueue;

/**
 * The spans of one field of one post: a port of Lucene's span iterators ({@code TermSpans}, {@code
 * SpanOrQuery}'s spans, {@code NearSpansOrdered}, {@code NearSpansUnordered}, {@code GapSpans})
 * reduced to a single document, so that {@code NEAR/n}, {@code ONEAR/n} and phrases inside them
 * match exactly where Lucene's {@code SpanNearQuery} does, including its lazy, non-backtracking
 * search: a span that a later operand has passed is not reconsidered.
 *
 * <p>As in Lucene, a span iterator starts unpositioned ({@link #start()} is -1); a near iterator is
 * only created when its first match exists, and then returns that match first.
 */
abstract class PositionSpans {
  static final int NO_MORE = Integer.MAX_VALUE;

  /** Moves to the next span and returns its start, or {@link #NO_MORE}. */
  abstract int next();

  abstract int start();

  abstract int end();

  /** The occurrences of one word (or of all words with a prefix) at increasing positions. */
  static final class Term extends PositionSpans {
    private final int[] positions;
    private final int to;
    private int at;

    Term(int[] positions, int from, int to) {
      this.positions = positions;
      this.to = to;
      this.at = from - 1;
      this.first = from;
    }

    private final int first;

    @Override
    int next() {
      at++;
      return start();
    }

    @Override
    int start() {
      return at < first ? -1 : at >= to ? NO_MORE : positions[at];
    }

    @Override
    int end() {
      int start = start();
      return start == -1 || start == NO_MORE ? start : start + 1;
    }
  }

  /** A gap of fixed width inside a phrase, placed wherever the ordered near asks. */
  static final class Gap extends PositionSpans {
    private final int width;
    private int position = -1;

    Gap(int width) {
      this.width = width;
    }

    @Override
    int next() {
      return ++position;
    }

    int skipTo(int target) {
      return position = target;
    }

    @Override
    int start() {
      return position;
    }

    @Override
    int end() {
      return position + width;
    }
  }

  /** The spans of every operand, merged by start and then end position. */
  static final class Or extends PositionSpans {
    private final PositionSpans[] operands;
    private final PriorityQueue<PositionSpans> byPosition;
    private PositionSpans top;

    Or(PositionSpans[] operands) {
      this.operands = operands;
      this.byPosition =
          new PriorityQueue<>(operands.length) {
            @Override
            protected boolean lessThan(PositionSpans a, PositionSpans b) {
              int startA = a.start();
              int startB = b.start();
              return startA < startB || (startA == startB && a.end() < b.end());
            }
          };
    }

    @Override
    int next() {
      if (top == null) {
        byPosition.clear();
        for (PositionSpans operand : operands) {
          operand.next();
          byPosition.add(operand);
        }
        top = byPosition.top();
      } else {
        top.next();
        top = byPosition.updateTop();
      }
      return top.start();
    }

    @Override
    int start() {
      return top == null ? -1 : top.start();
    }

    @Override
    int end() {
      return top == null ? -1 : top.end();
    }
  }

  /** {@code ONEAR/n} and phrases: Lucene's {@code NearSpansOrdered}. */
  static final class OrderedNear extends PositionSpans {
    private final PositionSpans[] operands;
    private final int slop;
    private boolean atFirst = true;
    private boolean exhausted;
    private int matchStart = -1;
    private int matchEnd = -1;
    private int matchWidth = -1;

    private OrderedNear(PositionSpans[] operands, int slop) {
      this.operands = operands;
      this.slop = slop;
    }

    /** The near spans positioned before their first match, or {@code null} when there is none. */
    static OrderedNear first(PositionSpans[] operands, int slop) {
      OrderedNear near = new OrderedNear(operands, slop);
      near.exhausted = false;
      while (operands[0].next() != NO_MORE && !near.exhausted) {
        if (near.stretchToOrder() && near.matchWidth <= slop) {
          near.atFirst = true;
          return near;
        }
      }
      return null;
    }

    @Override
    int next() {
      if (atFirst) {
        atFirst = false;
        return matchStart;
      }
      exhausted = false;
      while (operands[0].next() != NO_MORE && !exhausted) {
        if (stretchToOrder() && matchWidth <= slop) {
          return matchStart;
        }
      }
      return matchStart = matchEnd = NO_MORE;
    }

    private boolean stretchToOrder() {
      PositionSpans previous = operands[0];
      matchStart = previous.start();
      matchWidth = 0;
      for (int i = 1; i < operands.length; i++) {
        PositionSpans spans = operands[i];
        if (advance(spans, previous.end()) == NO_MORE) {
          exhausted = true;
          return false;
        }
        matchWidth += spans.start() - previous.end();
        previous = spans;
      }
      matchEnd = operands[operands.length - 1].end();
      return true;
    }

    private static int advance(PositionSpans spans, int position) {
      if (spans instanceof Gap gap) {
        return gap.skipTo(position);
      }
      while (spans.start() < position) {
        spans.next();
      }
      return spans.start();
    }

    @Override
    int start() {
      return atFirst ? -1 : matchStart;
    }

    @Override
    int end() {
      return atFirst ? -1 : matchEnd;
    }
  }

  /** {@code NEAR/n}: Lucene's {@code NearSpansUnordered}. */
  static final class UnorderedNear extends PositionSpans {
    private final PositionSpans[] operands;
    private final int slop;
    private final PriorityQueue<PositionSpans> window;
    private int totalSpanLength;
    private int maxEndPosition;
    private boolean atFirst = true;
    private boolean exhausted;

    private UnorderedNear(PositionSpans[] operands, int slop) {
      this.operands = operands;
      this.slop = slop;
      this.window =
          new PriorityQueue<>(operands.length) {
            @Override
            protected boolean lessThan(PositionSpans a, PositionSpans b) {
              int startA = a.start();
              int startB = b.start();
              return startA == startB ? a.end() < b.end() : startA < startB;
            }
          };
    }

    /** The near spans positioned before their first match, or {@code null} when there is none. */
    static UnorderedNear first(PositionSpans[] operands, int slop) {
      UnorderedNear near = new UnorderedNear(operands, slop);
      near.startDocument();
      while (true) {
        if (near.atMatch()) {
          near.atFirst = true;
          near.exhausted = false;
          return near;
        }
        if (!near.nextPosition()) {
          return null;
        }
      }
    }

    private void startDocument() {
      window.clear();
      totalSpanLength = 0;
      maxEndPosition = -1;
      for (PositionSpans spans : operands) {
        spans.next();
        window.add(spans);
        if (spans.end() > maxEndPosition) {
          maxEndPosition = spans.end();
        }
        totalSpanLength += spans.end() - spans.start();
      }
    }

    private boolean nextPosition() {
      PositionSpans top = window.top();
      int spanLength = top.end() - top.start();
      if (top.next() == NO_MORE) {
        return false;
      }
      totalSpanLength -= spanLength;
      totalSpanLength += top.end() - top.start();
      if (top.end() > maxEndPosition) {
        maxEndPosition = top.end();
      }
      window.updateTop();
      return true;
    }

    private boolean atMatch() {
      return maxEndPosition - window.top().start() - totalSpanLength <= slop;
    }

    @Override
    int next() {
      if (atFirst) {
        atFirst = false;
        return window.top().start();
      }
      while (true) {
        if (!nextPosition()) {
          exhausted = true;
          return NO_MORE;
        }
        if (atMatch()) {
          return window.top().start();
        }
      }
    }

    @Override
    int start() {
      return atFirst ? -1 : exhausted ? NO_MORE : window.top().start();
    }

    @Override
    int end() {
      return atFirst ? -1 : exhausted ? NO_MORE : maxEndPosition;
    }
  }
}
