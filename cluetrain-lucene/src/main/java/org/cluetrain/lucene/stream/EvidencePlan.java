package org.cluetrain.lucene.stream;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Which queries a post's ids make candidates: for each query its <em>required evidence</em>, a set
 * of ids of which every matching post contains at least one, chosen as cheap as the query allows;
 * and the queries that have none and run on every post. Immutable; a query set replaces its plan
 * whole when it has learned how common each id is on the stream.
 */
final class EvidencePlan {
  /** For each id, the queries (indexes) that name it as required evidence, or {@code null}. */
  private final int[][] byEvidence;

  /** Queries without required evidence. */
  final int[] alwaysRun;

  private EvidencePlan(int[][] byEvidence, int[] alwaysRun) {
    this.byEvidence = byEvidence;
    this.alwaysRun = alwaysRun;
  }

  int[] needing(int id) {
    return byEvidence[id];
  }

  /** Plans every query with {@code cost}: the expected share of posts containing each id. */
  static EvidencePlan of(Condition[] conditions, double[] cost) {
    int[][] evidence = new int[conditions.length][];
    int[] counts = new int[cost.length];
    List<Integer> always = new ArrayList<>();
    for (int q = 0; q < conditions.length; q++) {
      Evidence chosen = evidence(conditions[q], cost);
      if (chosen == null) {
        always.add(q);
      } else {
        evidence[q] = Arrays.stream(chosen.ids()).distinct().toArray();
        for (int id : evidence[q]) {
          counts[id]++;
        }
      }
    }
    int[][] byEvidence = new int[cost.length][];
    for (int id = 0; id < cost.length; id++) {
      byEvidence[id] = counts[id] == 0 ? null : new int[counts[id]];
      counts[id] = 0;
    }
    for (int q = 0; q < conditions.length; q++) {
      if (evidence[q] != null) {
        for (int id : evidence[q]) {
          byEvidence[id][counts[id]++] = q;
        }
      }
    }
    return new EvidencePlan(byEvidence, always.stream().mapToInt(Integer::intValue).toArray());
  }

  /** Ids of which a match contains at least one, and the sum of their costs. */
  record Evidence(int[] ids, double cost) {
    static Evidence of(int id, double[] cost) {
      return new Evidence(new int[] {id}, cost[id]);
    }

    static Evidence cheaper(Evidence a, Evidence b) {
      return a == null ? b : b == null ? a : b.cost < a.cost ? b : a;
    }

    static Evidence union(List<Evidence> alternatives) {
      int size = 0;
      double cost = 0;
      for (Evidence evidence : alternatives) {
        if (evidence == null) {
          return null; // this alternative can match without evidence
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

  /**
   * The cheapest required evidence of a condition, or {@code null} when it can match without any:
   * the cheapest operand of an AND, the union of an OR, a phrase's cheapest word, a filter's value.
   */
  static Evidence evidence(Condition condition, double[] cost) {
    if (condition instanceof Condition.Has has) {
      return Evidence.of(has.id(), cost);
    } else if (condition instanceof Condition.Keyword keyword) {
      return Evidence.of(keyword.id(), cost);
    } else if (condition instanceof Condition.Phrase phrase) {
      Evidence cheapest = null;
      for (int id : phrase.ids()) {
        cheapest = Evidence.cheaper(cheapest, Evidence.of(id, cost));
      }
      return cheapest;
    } else if (condition instanceof Condition.All all) {
      Evidence cheapest = null; // excluded operands never provide evidence
      for (Condition required : all.required()) {
        cheapest = Evidence.cheaper(cheapest, evidence(required, cost));
      }
      return cheapest;
    } else if (condition instanceof Condition.Any any) {
      List<Evidence> alternatives = new ArrayList<>();
      for (Condition operand : any.operands()) {
        alternatives.add(evidence(operand, cost));
      }
      return Evidence.union(alternatives);
    } else if (condition instanceof Condition.Near near) {
      return evidence(near.shape(), cost);
    }
    throw new IllegalArgumentException("unknown condition " + condition);
  }

  private static Evidence evidence(SpanShape shape, double[] cost) {
    if (shape instanceof SpanShape.Word word) {
      return Evidence.of(word.id(), cost);
    } else if (shape instanceof SpanShape.Gap) {
      return null;
    } else if (shape instanceof SpanShape.Or or) {
      List<Evidence> alternatives = new ArrayList<>();
      for (SpanShape operand : or.operands()) {
        alternatives.add(evidence(operand, cost));
      }
      return Evidence.union(alternatives);
    } else if (shape instanceof SpanShape.Near near) {
      Evidence cheapest = null; // every operand must have a span
      for (SpanShape operand : near.operands()) {
        cheapest = Evidence.cheaper(cheapest, evidence(operand, cost));
      }
      return cheapest;
    }
    throw new IllegalArgumentException("unknown span shape " + shape);
  }
}
