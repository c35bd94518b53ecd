package org.cluetrain.classify;

/**
 * The fixed held-out slice of every labelled file: the rows whose id hashes into one of five
 * buckets (about 20 %). Shipped models never train on these rows; their model cards report figures
 * on them and the regression tests guard those figures.
 */
final class HeldOut {
  private HeldOut() {}

  static boolean isHeldOut(LabeledExample e) {
    int h = e.id().hashCode() * 0x9E3779B1;
    h ^= h >>> 15;
    h *= 0x85ebca6b;
    h ^= h >>> 13;
    return Math.floorMod(h, 5) == 0;
  }
}
