package org.casework.sync.client;

/** The server revoked this device (a lost phone) or disabled its user: the store has been wiped. */
public final class DeviceRevokedException extends SyncException {

    public DeviceRevokedException(String message) {
        super(message, 401, "device.revoked", null);
    }
}
