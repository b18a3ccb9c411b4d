package org.layerlab.runtime.compile;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * DJL's {@link Embedding} for token ids: id {@code i} selects row {@code i} of a vocabulary x dimension table, as PyTorch's
 * {@code nn.Embedding}. The ids may arrive as floats, the type every Layerlab batch has; they are cast to int64 first.
 */
final class TokenEmbedding extends Embedding<Long> {

  private TokenEmbedding(Builder builder) {
    super(builder);
  }

  static TokenEmbedding of(int vocabulary, int dimension) {
    return new Builder().optNumEmbeddings(vocabulary).setEmbeddingSize(dimension).build();
  }

  @Override
  protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    return super.forwardInternal(store, new NDList(inputs.head().toType(DataType.INT64, false)), training, params);
  }

  @Override
  public boolean hasItem(Long id) {
    return id >= 0 && id < numEmbeddings;
  }

  @Override
  public long embed(Long id) {
    return id;
  }

  @Override
  public Optional<Long> unembed(long index) {
    return index >= 0 && index < numEmbeddings ? Optional.of(index) : Optional.empty();
  }

  @Override
  public byte[] encode(Long id) {
    return ByteBuffer.allocate(Long.BYTES).putLong(id).array();
  }

  @Override
  public Long decode(byte[] bytes) {
    return ByteBuffer.wrap(bytes).getLong();
  }

  private static final class Builder extends Embedding.BaseBuilder<Long, Builder> {
    Builder() {
      embeddingType = Long.class;
    }

    @Override
    protected Builder setType(Class<Long> type) {
      embeddingType = type;
      return this;
    }

    @Override
    protected Builder self() {
      return this;
    }

    TokenEmbedding build() {
      return new TokenEmbedding(this);
    }
  }
}
