package org.cluetrain.embed;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * all-MiniLM-L6-v2 (8-bit quantised, 384 dimensions, mean pooling, unit length) run in process by
 * ONNX Runtime on a fixed number of CPU threads. The model and tokenizer are read from the
 * langchain4j artifact on the class path. Thread-safe: an ONNX session may be run concurrently.
 */
public final class SentenceEncoder {
  /** The number of dimensions of every embedding. */
  public static final int DIMENSIONS = 384;

  private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

  private final Encoder encoder;

  private SentenceEncoder(Encoder encoder) {
    this.encoder = encoder;
  }

  /**
   * Loads the encoder with {@code threads} intra-operation threads per text (1: a text is encoded
   * on the calling thread only, which is how its speed is stated).
   *
   * @throws IllegalArgumentException if {@code threads} is below 1
   * @throws IllegalStateException if the model cannot be read or loaded
   */
  public static SentenceEncoder load(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads was " + threads + ", expected at least 1");
    }
    try (InputStream model = resource(MODEL);
        InputStream tokenizer = resource(TOKENIZER)) {
      OrtEnvironment env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      OrtSession session = env.createSession(model.readAllBytes(), options);
      return new SentenceEncoder(
          new Encoder(new OnnxBertBiEncoder(env, session, tokenizer, PoolingMode.MEAN)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the sentence encoder", e);
    } catch (OrtException e) {
      throw new IllegalStateException("cannot load the sentence encoder: " + e.getMessage(), e);
    }
  }

  /**
   * The embedding of {@code text}: {@value #DIMENSIONS} numbers of unit length, or zeros for a
   * blank text (nothing to say). Texts longer than the model's 510 tokens are embedded in parts and
   * averaged.
   */
  public float[] embed(String text) {
    if (text.isBlank()) {
      return new float[DIMENSIONS];
    }
    return encoder.embed(text).content().vector();
  }

  private static InputStream resource(String name) {
    return Objects.requireNonNull(
        SentenceEncoder.class.getResourceAsStream(name), () -> name + " is not on the class path");
  }

  /** langchain4j's in-process model around our own session (its own one uses every core). */
  private static final class Encoder extends AbstractInProcessEmbeddingModel {
    private final OnnxBertBiEncoder model;

    Encoder(OnnxBertBiEncoder model) {
      super(Runnable::run);
      this.model = model;
    }

    @Override
    protected OnnxBertBiEncoder model() {
      return model;
    }

    @Override
    protected Integer knownDimension() {
      return DIMENSIONS;
    }
  }
}
