package org.cluetrain.classify;

/**
 * How {@link Trainer} fits a model: multinomial logistic regression with L2 regularisation, trained
 * by AdaGrad over shuffled epochs. The same data and configuration give the same model.
 *
 * @param seed seeds the shuffling of the examples before every epoch
 * @param epochs passes over the data (1..100)
 * @param learningRate AdaGrad's base step
 * @param l2 L2 penalty applied to the weights an example touches
 * @param classWeighting 0: every example counts once; 1: classes are weighted inversely to their
 *     frequency ("balanced"); values between soften the weighting (0.5: inverse square root)
 * @param features how texts become features
 */
public record TrainingConfig(
    long seed,
    int epochs,
    double learningRate,
    double l2,
    double classWeighting,
    FeatureConfig features) {

  public TrainingConfig {
    if (epochs < 1 || epochs > 100) {
      throw new IllegalArgumentException("epochs must be within 1..100, was " + epochs);
    }
    if (!(learningRate > 0)) {
      throw new IllegalArgumentException("learningRate must be positive, was " + learningRate);
    }
    if (!(l2 >= 0)) {
      throw new IllegalArgumentException("l2 must be zero or positive, was " + l2);
    }
    if (!(classWeighting >= 0 && classWeighting <= 1)) {
      throw new IllegalArgumentException(
          "classWeighting must be within 0..1, was " + classWeighting);
    }
    if (features == null) {
      throw new IllegalArgumentException("features must be set");
    }
  }

  /** Seed 42, 8 epochs, learning rate 0.2, L2 1e-6, no class weighting, default features. */
  public static TrainingConfig defaults() {
    return new TrainingConfig(42, 8, 0.2, 1e-6, 0, FeatureConfig.defaults());
  }

  public TrainingConfig withSeed(long s) {
    return new TrainingConfig(s, epochs, learningRate, l2, classWeighting, features);
  }

  public TrainingConfig withEpochs(int e) {
    return new TrainingConfig(seed, e, learningRate, l2, classWeighting, features);
  }

  public TrainingConfig withLearningRate(double r) {
    return new TrainingConfig(seed, epochs, r, l2, classWeighting, features);
  }

  public TrainingConfig withL2(double l) {
    return new TrainingConfig(seed, epochs, learningRate, l, classWeighting, features);
  }

  public TrainingConfig withClassWeighting(double w) {
    return new TrainingConfig(seed, epochs, learningRate, l2, w, features);
  }

  public TrainingConfig withFeatures(FeatureConfig f) {
    return new TrainingConfig(seed, epochs, learningRate, l2, classWeighting, f);
  }
}
