-- Which key the encrypted fields are under (a key id: an HMAC of the key, never the key), and the
-- key an unfinished rotation is moving them to. A server started with another key, or during an
-- unfinished rotation, refuses to start instead of writing fields nobody can read. One row (id 1).
CREATE TABLE crypto_key_state (
    id          INT          NOT NULL PRIMARY KEY,
    key_id      VARCHAR(16)  NOT NULL,
    rotating_to VARCHAR(16),
    updated_at  DATETIME(6)  NOT NULL
);
