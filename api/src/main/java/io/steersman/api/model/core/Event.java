package io.steersman.api.model.core;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.steersman.api.model.ApiObject;
import io.steersman.api.model.MicroTime;
import io.steersman.api.model.ObjectMeta;
import io.steersman.api.model.Unknown;
import java.time.Instant;
import java.util.Map;

/**
 * {@code v1 Event} (core/v1, as {@code kubectl describe} reads it): something that happened to
 * {@code involvedObject}. Repeats are aggregated into {@code count}, {@code firstTimestamp} and
 * {@code lastTimestamp}; {@code eventTime} is a {@link MicroTime}; {@code series} is kept as JSON.
 * {@code type} is Normal or Warning.
 */
public record Event(
        String apiVersion,
        String kind,
        ObjectMeta metadata,
        ObjectReference involvedObject,
        String reason,
        String message,
        EventSource source,
        Instant firstTimestamp,
        Instant lastTimestamp,
        Integer count,
        String type,
        MicroTime eventTime,
        @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> series,
        String action,
        ObjectReference related,
        String reportingComponent,
        String reportingInstance,
        @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields) implements ApiObject {

    public static final String API_VERSION = "v1";
    public static final String KIND = "Event";
    public static final String NORMAL = "Normal";
    public static final String WARNING = "Warning";

    public Event {
        metadata = metadata == null ? ObjectMeta.EMPTY : metadata;
        series = Unknown.freezeOrNull(series);
        unknownFields = Unknown.copy(unknownFields);
    }

    /**
     * A first occurrence: count 1, first and last timestamp {@code now}, reported by
     * {@code component} (also the reportingComponent, as upstream's recorder sets both).
     */
    public static Event of(ObjectMeta metadata, ObjectReference involvedObject, String type, String reason,
            String message, String component, Instant now) {
        return new Event(API_VERSION, KIND, metadata, involvedObject, reason, message, EventSource.of(component), now, now,
                1, type, null, null, null, null, component, null, null);
    }

    /** Of {@code object}, in its namespace, named as upstream's recorder names events: {@code <object>.<unique suffix>}. */
    public static Event about(ApiObject object, String type, String reason, String message, String component, Instant now,
            String nameSuffix) {
        String namespace = object.namespace() == null ? "default" : object.namespace();
        return of(ObjectMeta.named(namespace, object.name() + "." + nameSuffix), ObjectReference.to(object), type, reason,
                message, component, now);
    }

    @Override
    public Event withMetadata(ObjectMeta metadata) {
        return new Event(apiVersion, kind, metadata, involvedObject, reason, message, source, firstTimestamp, lastTimestamp,
                count, type, eventTime, series, action, related, reportingComponent, reportingInstance, unknownFields);
    }

    /** One more occurrence: count incremented, lastTimestamp {@code now}, the message replaced. */
    public Event repeated(String message, Instant now) {
        int next = (count == null ? 1 : count) + 1;
        return new Event(apiVersion, kind, metadata, involvedObject, reason, message, source, firstTimestamp, now,
                next, type, eventTime, series, action, related, reportingComponent, reportingInstance, unknownFields);
    }
}
