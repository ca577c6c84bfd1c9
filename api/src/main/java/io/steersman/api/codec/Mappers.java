package io.steersman.api.codec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.steersman.api.model.Times;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;

/** Builds the one Jackson configuration the codec uses; see {@link Codec} for what it does and why. */
final class Mappers {
    private Mappers() {}

    static ObjectMapper json(Codec.Limits limits) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxDocumentLength(limits.maxDocumentChars())
                        .maxNestingDepth(limits.maxNestingDepth())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        ValuePool pool = new ValuePool(8192);
        SimpleModule values = new SimpleModule("steersman-values")
                .addSerializer(Instant.class, new InstantSerializer())
                .addDeserializer(Instant.class, new InstantDeserializer(pool))
                .addDeserializer(String.class, new PooledStringDeserializer(pool));
        JsonMapper mapper = JsonMapper.builder(factory)
                // Records expose isX() helpers (isReady, isPaused) that are not fields of the API.
                .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
                // As Go's encoding/json: "3" is not an integer, 1.5 is not an int32, 3 is not a string.
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                // Types without an any-setter (Status, options) ignore what they do not know.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                .defaultPropertyInclusion(JsonInclude.Value.construct(
                        JsonInclude.Include.CUSTOM, JsonInclude.Include.ALWAYS, OmitNullAndEmpty.class, null))
                .addModule(values)
                .build();
        // ALLOW_COERCION_OF_SCALARS does not cover numbers and booleans read as strings.
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /**
     * The value filter of every property: null, an empty list and an empty map are left out, as Go's
     * {@code omitempty} does for the model's fields. Empty strings and empty objects are written.
     */
    static final class OmitNullAndEmpty {
        @Override
        public boolean equals(Object value) {
            return value == null
                    || value instanceof Collection<?> c && c.isEmpty()
                    || value instanceof Map<?, ?> m && m.isEmpty();
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }

    /** {@code metav1.Time}: RFC 3339 in UTC with whole seconds, as upstream writes it. */
    static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(Times.format(value));
        }
    }

    /** Reads RFC 3339 with any offset; fractional seconds are dropped, as the API keeps whole seconds. */
    static final class InstantDeserializer extends JsonDeserializer<Instant> {
        private final ValuePool pool;

        InstantDeserializer(ValuePool pool) {
            this.pool = pool;
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
            }
            String text = p.getText();
            try {
                return pool.pool(Times.parse(text).truncatedTo(ChronoUnit.SECONDS));
            } catch (IllegalArgumentException e) {
                return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, "not an RFC 3339 time");
            }
        }
    }

    /** Strings as Jackson reads them (strictly: a number is not a string), then shared through the pool. */
    static final class PooledStringDeserializer extends JsonDeserializer<String> {
        private final ValuePool pool;

        PooledStringDeserializer(ValuePool pool) {
            this.pool = pool;
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_STRING) {
                return pool.pool(p.getText());
            }
            return StringDeserializer.instance.deserialize(p, ctxt);
        }

        @Override
        public boolean isCachable() {
            return true;
        }
    }
}
