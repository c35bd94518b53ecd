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
 * @param runs how many models are trained, each on its own shuffled order of the examples (seeds
 *     {@code seed}, {@code seed + 1}, …), and averaged into one: the average of linear models is
 *     the linear model that scores every text with their mean scores, so the ensemble costs nothing
 *     at prediction time and does not depend on the luck of one shuffle (1..20)
 */
public record TrainingConfig(
    long seed,
    int epochs,
    double learningRate,
    double l2,
    double classWeighting,
    FeatureConfig features,
    int runs) {

  /** One run. */
  public TrainingConfig(
      long seed,
      int epochs,
      double learningRate,
      double l2,
      double classWeighting,
      FeatureConfig features) {
    this(seed, epochs, learningRate, l2, classWeighting, features, 1);
  }

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
    if (runs < 1 || runs > 20) {
      throw new IllegalArgumentException("runs must be within 1..20, was " + runs);
    }
  }

  /** Seed 42, 8 epochs, learning rate 0.2, L2 1e-6, no class weighting, default features, 1 run. */
  public static TrainingConfig defaults() {
    return new TrainingConfig(42, 8, 0.2, 1e-6, 0, FeatureConfig.defaults());
  }

  public TrainingConfig withSeed(long s) {
    return new TrainingConfig(s, epochs, learningRate, l2, classWeighting, features, runs);
  }

  public TrainingConfig withEpochs(int e) {
    return new TrainingConfig(seed, e, learningRate, l2, classWeighting, features, runs);
  }

  public TrainingConfig withLearningRate(double r) {
    return new TrainingConfig(seed, epochs, r, l2, classWeighting, features, runs);
  }

  public TrainingConfig withL2(double l) {
    return new TrainingConfig(seed, epochs, learningRate, l, classWeighting, features, runs);
  }

  public TrainingConfig withClassWeighting(double w) {
    return new TrainingConfig(seed, epochs, learningRate, l2, w, features, runs);
  }

  public TrainingConfig withFeatures(FeatureConfig f) {
    return new TrainingConfig(seed, epochs, learningRate, l2, classWeighting, f, runs);
  }

  public TrainingConfig withRuns(int r) {
    return new TrainingConfig(seed, epochs, learningRate, l2, classWeighting, features, r);
  }
}
