package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import io.steersman.api.model.Quantity;
import io.steersman.api.model.Unknown;
import io.steersman.api.model.Values;
import java.util.Map;

/**
 * {@code v1.ResourceRequirements} of a container, and {@code v1.VolumeResourceRequirements} of a
 * claim (same JSON shape): resource name ({@code cpu}, {@code memory}, {@code storage}) to quantity.
 */
public record ResourceRequirements(
        Map<String, Quantity> limits,
        Map<String, Quantity> requests,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) {

    public static final ResourceRequirements EMPTY = new ResourceRequirements(null, null, null);

    public ResourceRequirements {
        limits = Values.map(limits);
        requests = Values.map(requests);
        unknownFields = Unknown.copy(unknownFields);
    }

    public static ResourceRequirements requests(Map<String, Quantity> requests) {
        return new ResourceRequirements(null, requests, null);
    }
}
