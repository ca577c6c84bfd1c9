/**
 * The resource model: immutable records with Kubernetes' JSON field names, and the value types
 * they share (ObjectMeta, LabelSelector, IntOrString, Quantity, MicroTime, Status).
 *
 * <h2>Conventions every record follows</h2>
 * <ul>
 *   <li><b>Immutable.</b> Every component is final and every collection an unmodifiable copy, so a
 *       reconciler may keep what it read forever. Changes make copies: {@code withSpec},
 *       {@code withStatus}, {@code withMetadata} (narrowed to the record's own type), and narrower
 *       withers where controllers need them ({@code PodSpec.withNodeName}, ...).</li>
 *   <li><b>Unknown fields are kept.</b> The last component of every record is
 *       {@code @JsonAnySetter @JsonAnyGetter Map<String, Object> unknownFields}: whatever the
 *       document had that the record does not type (a field of a newer Kubernetes, a field the model
 *       chose not to type such as {@code securityContext}) lands there as a frozen JSON tree
 *       ({@link io.steersman.api.model.Unknown}) and is written back beside the typed fields, at
 *       every level. What a user applies comes back whole on {@code get}.</li>
 *   <li><b>Collections are never null.</b> An absent list or map reads as the shared empty one
 *       ({@link io.steersman.api.model.Values}) and is left out when written, as Go's
 *       {@code omitempty} does. JSON objects kept whole where an empty object means something
 *       ({@code emptyDir: {}}, a probe's {@code httpGet}) are nullable instead, and written when
 *       present even if empty.</li>
 *   <li><b>Top-level kinds never hold null metadata, spec or status.</b> Absent ones read as the
 *       type's shared {@code EMPTY} value and are written as {@code {}}, as upstream writes them;
 *       {@code PodTemplateSpec}'s metadata and spec likewise.</li>
 *   <li><b>Optional scalars are boxed</b> ({@code Integer replicas}), null when absent; the
 *       {@code ...OrDefault()} accessors give upstream's default and {@code ...OrZero()} Go's zero
 *       value, so controllers never unbox a null.</li>
 *   <li><b>Each kind carries its {@code apiVersion} and {@code kind}</b> as components, so a
 *       manifest's values round-trip, and a static factory ({@code Pod.of(metadata, spec)}) that
 *       fills them from the kind's {@code API_VERSION} and {@code KIND} constants.</li>
 *   <li><b>Times</b> are {@link java.time.Instant}s written as RFC 3339 in whole seconds;
 *       {@link io.steersman.api.model.MicroTime} where upstream keeps microseconds.</li>
 * </ul>
 *
 * <p>The kinds live in one package per API group: {@code model.core} (v1), {@code model.apps},
 * {@code model.storage}, {@code model.discovery}, {@code model.coordination},
 * {@code model.autoscaling}. {@code io.steersman.api.codec.Codec} reads and writes them.
 */
package io.steersman.api.model;
