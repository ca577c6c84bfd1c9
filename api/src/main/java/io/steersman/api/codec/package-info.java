/**
 * Reading and writing the model: {@link io.steersman.api.codec.Codec} turns JSON (Jackson) and
 * YAML (SnakeYAML, loaded safely) into the right record by apiVersion and kind, and records back
 * into JSON bytes, JSON trees and YAML. Bad input raises {@link io.steersman.api.codec.DecodeException},
 * an {@code ApiException} with upstream's status (400 BadRequest with the field path, or 413).
 *
 * <pre>{@code
 * List<ApiObject> objects = Codec.DEFAULT.decodeYaml(Files.newBufferedReader(path));
 * byte[] json = Codec.DEFAULT.toJson(objects.get(0));
 * }</pre>
 */
package io.steersman.api.codec;
