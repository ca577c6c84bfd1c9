/**
 * Label and field selectors with upstream's syntax and semantics ({@code k8s.io/apimachinery/pkg/labels}
 * and {@code pkg/fields}).
 *
 * <p>{@link io.steersman.api.selector.Selector#parse} reads the label selector syntax
 * ({@code a=b,c!=d,e in (x,y),f notin (z),g,!h,n>1}); {@link io.steersman.api.selector.Selector#from}
 * converts a {@code LabelSelector} (null selects nothing, empty selects everything). Both throw
 * {@link io.steersman.api.selector.SelectorParseException} with upstream's message, which the API
 * server answers as 400 Bad Request. {@code toString()} is the canonical form, sorted by key.
 *
 * <p>{@link io.steersman.api.selector.FieldSelector#parse} reads {@code field=value},
 * {@code field==value} and {@code field!=value} terms, with {@code \,}, {@code \=} and {@code \\}
 * escapes in values.
 *
 * <p>Indexes: {@code Selector.equalities()} and {@code FieldSelector.equalities()} (and
 * {@code requiresExactMatch}) name the exact values a selector requires, so that a store can look up
 * {@code metadata.name=x} directly and a label index can narrow candidates before
 * {@code matches} checks the rest.
 */
package io.steersman.api.selector;
