package org.casework.sync.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.Consumer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a sync answer token by token as its bytes arrive (issue 16) and hands each part over at
 * once: {@code results} as a whole (the server writes it before the changes), each element of
 * {@code changes} on its own. Everything else ({@code ack}, {@code cursor}, {@code more},
 * {@code checksums}, {@code resync}, {@code serverTime}, {@code warnings}, unknown fields) is
 * returned once the answer has ended. An answer that ends without its closing brace or its
 * {@code cursor}, or whose gzip stream is cut, is no answer: {@link IOException}, and the caller's
 * transaction rolls back what was handed over.
 */
final class AnswerStream {

    private AnswerStream() {}

    /**
     * @param results gets the {@code results} array
     * @param change gets each change, in order, while the rest of the answer is still on the way
     * @return the answer's other fields; the body has been read to its end
     */
    static ObjectNode read(InputStream body, Consumer<JsonNode> results, Consumer<JsonNode> change) throws IOException {
        ObjectNode rest = Json.object();
        try (JsonParser p = Json.MAPPER.createParser(new KeptOpen(body))) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a sync answer is a JSON object");
            }
            JsonToken token = p.nextToken();
            for (; token == JsonToken.PROPERTY_NAME; token = p.nextToken()) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if ("changes".equals(name) && value == JsonToken.START_ARRAY) {
                    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                        if (t == null) {
                            throw new IOException("sync answer cut short in its changes");
                        }
                        change.accept(p.readValueAsTree());
                    }
                } else if ("results".equals(name)) {
                    results.accept(p.readValueAsTree());
                } else {
                    rest.set(name, p.readValueAsTree());
                }
            }
            if (token != JsonToken.END_OBJECT) {
                throw new IOException("sync answer cut short");
            }
        }
        if (Json.text(rest, "cursor") == null) {
            // the server writes the cursor last but for a few small fields: without it, cut short
            throw new IOException("sync answer cut short: no cursor");
        }
        // to the end of the body: with gzip its trailer (length and CRC) is checked here
        body.transferTo(OutputStream.nullOutputStream());
        return rest;
    }

    /** The parser must not close the body: the transport's close decides about the connection. */
    private static final class KeptOpen extends FilterInputStream {
        KeptOpen(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the caller closes the body
        }
    }
}
