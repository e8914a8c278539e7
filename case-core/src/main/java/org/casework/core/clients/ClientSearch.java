package org.casework.core.clients;

/**
 * Registry search criteria; every part is optional.
 *
 * @param text Chinese characters, full pinyin, pinyin initials or the last four characters of the
 *     ID number
 * @param regionCode a region inside the caller's jurisdiction (township or village)
 * @param category clients holding this category today
 */
public record ClientSearch(String text, String regionCode, CategoryType category) {

    public static ClientSearch all() {
        return new ClientSearch(null, null, null);
    }
}
