/**
 * Upstream's validation rules: {@link io.steersman.api.validation.Names} holds the syntax checks
 * (DNS-1123 names, qualified names, label values, ports) with upstream's messages, which kubectl
 * prints and which are therefore part of the API.
 */
package io.steersman.api.validation;
