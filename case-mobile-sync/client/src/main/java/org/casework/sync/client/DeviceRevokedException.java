package org.casework.sync.client;

import org.casework.sync.protocol.SyncNames.Code;

/** The server revoked this device (a lost phone) or disabled its user: the store has been wiped. */
public final class DeviceRevokedException extends SyncException {

    public DeviceRevokedException(String message) {
        super(message, 401, Code.DEVICE_REVOKED, null);
    }
}
