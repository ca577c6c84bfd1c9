package io.steersman.apiserver;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The fields a JSON body names more than once in the same object, with the paths upstream's strict
 * decoder reports ({@code metadata.name}, {@code spec.containers[0].image}), in document order.
 * Only asked after the strict parse refused the body, so a body without duplicates costs nothing.
 */
final class DuplicateFields {
    private DuplicateFields() {}

    /** One open object or array while walking the tokens. */
    private static final class Level {
        final String path;
        final Set<String> keys; // null for an array
        int index = -1;

        Level(String path, boolean object) {
            this.path = path;
            this.keys = object ? new HashSet<>() : null;
        }
    }

    /** The duplicate paths of a syntactically valid body; empty if there are none or the body is not valid JSON. */
    static List<String> of(byte[] json) {
        List<String> duplicates = new ArrayList<>();
        Deque<Level> levels = new ArrayDeque<>();
        String pendingPath = "";
        try (JsonParser parser = Json.FACTORY.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                Level level = levels.peek();
                if (level != null && level.keys == null && token != JsonToken.END_ARRAY) {
                    level.index++;
                    pendingPath = level.path + "[" + level.index + "]";
                }
                switch (token) {
                    case FIELD_NAME -> {
                        String name = parser.currentName();
                        pendingPath = level.path.isEmpty() ? name : level.path + "." + name;
                        if (!level.keys.add(name)) {
                            duplicates.add(pendingPath);
                        }
                    }
                    case START_OBJECT -> levels.push(new Level(pendingPath, true));
                    case START_ARRAY -> levels.push(new Level(pendingPath, false));
                    case END_OBJECT, END_ARRAY -> levels.pop();
                    default -> { }
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        return duplicates;
    }
}
