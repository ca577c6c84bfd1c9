package io.steersman.api.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Metadata of a list: the revision it was read at, and where to continue. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ListMeta(String resourceVersion, @com.fasterxml.jackson.annotation.JsonProperty("continue") String continueToken,
        Long remainingItemCount) {}
