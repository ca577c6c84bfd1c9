/** Label and field selectors with upstream's syntax and semantics. */
package io.steersman.api.selector;
