-- Authentication hardening (issue 13): wrong passwords are throttled instead of locking the
-- account (anyone could lock anyone with five requests), an administrator's password reset must be
-- replaced by the user, and a reused device refresh token is recognised.
-- Portable across H2 (MySQL mode), MySQL 8 and MariaDB 10.11: no procedures, no triggers.

-- The hard lock is gone: throttling lives in the server's memory and every delay ends by itself.
ALTER TABLE user_account DROP COLUMN locked_until;
-- failed_logins stays: wrong passwords in a row, for the user's notice and the administrators' list.
ALTER TABLE user_account ADD COLUMN last_failed_login_at DATETIME(6);
ALTER TABLE user_account ADD COLUMN password_change_required BOOLEAN NOT NULL DEFAULT FALSE;

-- The refresh token rotated away last, and when the current tokens were handed out: a rotated
-- token presented again revokes the device, unless the device never used what replaced it (a
-- retry after a lost answer).
ALTER TABLE sync_device ADD COLUMN previous_refresh_hash VARCHAR(64);
ALTER TABLE sync_device ADD COLUMN tokens_issued_at DATETIME(6);
