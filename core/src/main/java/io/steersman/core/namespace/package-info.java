/**
 * The namespace controller: empties a namespace being deleted, then removes its {@code kubernetes}
 * finalizer so the store removes it. A core {@link io.steersman.core.controller.SystemPlugin}:
 * {@link io.steersman.core.namespace.NamespacePlugin}.
 */
package io.steersman.core.namespace;
