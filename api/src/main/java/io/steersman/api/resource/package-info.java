/**
 * The resource registry: what kinds exist, their names (plural, singular, short names), scope,
 * subresources, and rules. The API server's discovery, routing and tables are generated from it, so
 * a plugin's kind is served exactly like a built-in one.
 */
package io.steersman.api.resource;
