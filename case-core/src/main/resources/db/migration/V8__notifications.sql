-- Notifications (通知): the in-app inbox, and an optional phone per user for SMS alerts.
-- Portable across H2 (MySQL mode), MySQL 8 and MariaDB 10.11: no procedures, no triggers.

-- One row per recipient and event. The text is rendered at display time from the kind's message
-- key and the arguments, so it follows the reader's language; the arguments are never personal
-- data (no names, ID or phone numbers, no flag descriptions), only places, case numbers,
-- organisation names and label keys.
CREATE TABLE notification (
    id           BINARY(16)   NOT NULL PRIMARY KEY,
    version      BIGINT       NOT NULL,
    created_at   DATETIME(6),
    created_by   VARCHAR(64),
    updated_at   DATETIME(6),
    updated_by   VARCHAR(64),
    recipient_id BINARY(16)   NOT NULL,
    kind         VARCHAR(40)  NOT NULL,
    subject_type VARCHAR(20)  NOT NULL,
    subject_id   BINARY(16)   NOT NULL,
    args         VARCHAR(500),
    occurred_at  DATETIME(6)  NOT NULL,
    read_at      DATETIME(6),
    CONSTRAINT fk_notification_recipient FOREIGN KEY (recipient_id) REFERENCES user_account (id)
);
-- The header's unread count (recipient, read_at is null) and the inbox, newest first.
CREATE INDEX ix_notification_unread ON notification (recipient_id, read_at);
CREATE INDEX ix_notification_inbox ON notification (recipient_id, occurred_at);

-- A user's own phone for SMS alerts, set by an administrator; encrypted at rest like clients' phones.
ALTER TABLE user_account ADD COLUMN phone_enc VARCHAR(200);
