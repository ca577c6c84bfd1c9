package io.steersman.api.codec;

import java.io.IOException;
import java.io.Reader;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * SnakeYAML, configured so that untrusted input cannot hurt: only the safe constructor (maps,
 * lists, scalars; no custom tags, no Java types), at most {@code maxAliases} aliases to
 * collections (the "billion laughs" bomb stops at the 51st), a character limit per document and
 * per stream, a nesting depth limit, and duplicate keys refused. Timestamps stay strings (the
 * model parses them), as {@code sigs.k8s.io/yaml} leaves them. Not thread-safe: SnakeYAML's
 * {@code Yaml} is not, so the codec makes one per call (cheap next to parsing).
 */
final class Yaml {
    private final Codec.Limits limits;

    Yaml(Codec.Limits limits) {
        this.limits = limits;
    }

    /** Every non-empty document of the stream, as JSON-shaped values (maps with string keys, lists, scalars). */
    List<Object> loadAll(Reader input) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setAllowRecursiveKeys(false);
        options.setNestingDepthLimit(limits.maxNestingDepth());
        options.setCodePointLimit(limits.maxDocumentChars());
        options.setProcessComments(false);
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(new SafeConstructor(options),
                new Representer(new DumperOptions()), new DumperOptions(), options, new NoTimestampResolver());
        LimitedReader limited = new LimitedReader(input, limits.maxStreamChars());
        List<Object> documents = new ArrayList<>();
        try {
            for (Object document : yaml.loadAll(limited)) {
                if (document != null) {
                    documents.add(jsonShaped(document, ""));
                }
            }
        } catch (LimitedReader.LimitExceeded e) {
            throw DecodeException.tooLarge("the YAML stream exceeds the limit of " + limits.maxStreamChars() + " characters");
        } catch (YAMLException e) {
            if (e.getCause() instanceof LimitedReader.LimitExceeded) {
                throw DecodeException.tooLarge("the YAML stream exceeds the limit of " + limits.maxStreamChars() + " characters");
            }
            throw translate(e);
        }
        return documents;
    }

    /** Block style, two-space indent, lists flush with their key, as {@code kubectl get -o yaml} prints. */
    String dump(Object value) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setSplitLines(false);
        options.setWidth(Integer.MAX_VALUE);
        // The default resolver here: strings that would read back as timestamps, numbers or booleans get quoted.
        org.yaml.snakeyaml.Yaml yaml = new org.yaml.snakeyaml.Yaml(new BlockRepresenter(options), options);
        return yaml.dump(value);
    }

    /** Writes multi-line strings (scripts, last-applied configurations) as {@code |} blocks, as kubectl does. */
    static final class BlockRepresenter extends Representer {
        BlockRepresenter(DumperOptions options) {
            super(options);
            this.representers.put(String.class, new RepresentMultiline());
        }

        private final class RepresentMultiline extends RepresentString {
            @Override
            public Node representData(Object data) {
                String text = data.toString();
                if (text.indexOf('\n') >= 0) {
                    // The emitter falls back to a quoted style when a block cannot hold the text.
                    return representScalar(Tag.STR, text, DumperOptions.ScalarStyle.LITERAL);
                }
                return super.representData(data);
            }
        }
    }

    private DecodeException translate(YAMLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("exceeds the limit") || message.contains("The incoming YAML document exceeds")) {
            return DecodeException.tooLarge("the YAML document exceeds the limit of " + limits.maxDocumentChars() + " characters");
        }
        if (message.contains("Number of aliases")) {
            return DecodeException.badRequest("yaml: document contains excessive aliasing (more than "
                    + limits.maxAliases() + " aliases of collections)", null);
        }
        if (message.contains("Nesting Depth exceeded")) {
            return DecodeException.badRequest("yaml: document nests deeper than " + limits.maxNestingDepth() + " levels", null);
        }
        if (e instanceof DuplicateKeyException d) {
            return DecodeException.badRequest("yaml: " + line(d.getProblemMark()) + "duplicate key: " + d.getProblem()
                    .replace("found duplicate key ", ""), null);
        }
        if (e instanceof MarkedYAMLException m) {
            Mark mark = m.getProblemMark() != null ? m.getProblemMark() : m.getContextMark();
            String what = m.getProblem() != null ? m.getProblem() : m.getContext();
            return DecodeException.badRequest("yaml: " + line(mark) + what, null);
        }
        return DecodeException.badRequest("yaml: " + message, null);
    }

    private static String line(Mark mark) {
        return mark == null ? "" : "line " + (mark.getLine() + 1) + ": ";
    }

    /**
     * Keys become strings (YAML allows {@code 80: http}; the JSON the API reads does not), binary
     * becomes base64 and an explicit {@code !!timestamp} RFC 3339 text, as {@code sigs.k8s.io/yaml}
     * converts YAML to JSON.
     */
    private static Object jsonShaped(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>(map.size() * 2);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                Object key = entry.getKey();
                if (key instanceof Map<?, ?> || key instanceof List<?> || key instanceof Set<?>) {
                    throw DecodeException.badRequest("yaml: " + (path.isEmpty() ? "" : path + ": ")
                            + "a mapping key must be a scalar, not a collection", path);
                }
                String name = key == null ? "null" : String.valueOf(jsonShaped(key, path));
                copy.put(name, jsonShaped(entry.getValue(), path.isEmpty() ? name : path + "." + name));
            }
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(jsonShaped(list.get(i), path + "[" + i + "]"));
            }
            return copy;
        }
        if (value instanceof Set<?> set) {
            // !!set is a mapping whose values are all null.
            Map<String, Object> copy = new LinkedHashMap<>();
            set.forEach(element -> copy.put(String.valueOf(element), null));
            return copy;
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        if (value instanceof Date date) {
            return DateTimeFormatter.ISO_INSTANT.format(date.toInstant());
        }
        return value;
    }

    /** YAML 1.1's implicit types without timestamps: {@code 2026-11-26T00:33:08Z} stays a string. */
    static final class NoTimestampResolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, BOOL, "yYnNtTfFoO", 10);
            // INT before FLOAT: the FLOAT expression matches integers too.
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<", 10);
            addImplicitResolver(Tag.NULL, NULL, "~nN\0", 10);
            addImplicitResolver(Tag.NULL, EMPTY, null, 10);
        }
    }

    /** Stops reading after {@code limit} characters, so a huge stream of small documents is refused too. */
    static final class LimitedReader extends Reader {
        private final Reader delegate;
        private final long limit;
        private long read;

        LimitedReader(Reader delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = delegate.read(buffer, offset, length);
            if (n > 0) {
                read += n;
                if (read > limit) {
                    throw new LimitExceeded();
                }
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }

        /** Unchecked so that it crosses SnakeYAML's reader, which wraps IOExceptions. */
        static final class LimitExceeded extends RuntimeException {
            LimitExceeded() {
                super(null, null, false, false);
            }
        }
    }
}
