package io.steersman.controller.deployment;
