package io.steersman.controller.statefulset;
