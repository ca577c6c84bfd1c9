package io.steersman.core.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.steersman.api.client.PatchType;
import io.steersman.api.codec.Codec;
import io.steersman.api.controller.Clock;
import io.steersman.api.model.ApiObject;
import io.steersman.api.resource.ResourceType;
import io.steersman.core.patch.PatchContext;
import io.steersman.core.patch.Patcher;
import io.steersman.core.patch.Patches;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The {@link Patcher} of the cache-backed client: the object as JSON through the {@link Codec},
 * the patch engines of {@link Patches}, and back. Bad bodies and patches that do not apply fail
 * with the engines' {@link io.steersman.api.client.ApiException}s; a result that is no longer a
 * valid object fails with the codec's {@code DecodeException}. Thread-safe.
 */
public final class CodecPatcher implements Patcher {
    private final Codec codec;
    private final Clock clock;

    public CodecPatcher(Codec codec, Clock clock) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public <T extends ApiObject> T apply(ResourceType<T> type, T current, PatchType patchType, String body) {
        JsonNode live = codec.toTree(current);
        JsonNode patched = Patches.apply(patchType, live, body.getBytes(StandardCharsets.UTF_8),
                PatchContext.of(type.apiVersion(), type.kind()).at(clock.now()));
        return codec.decode(patched, type.javaType());
    }
}
