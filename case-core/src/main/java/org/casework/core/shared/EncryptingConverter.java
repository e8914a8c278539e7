package org.casework.core.shared;

/**
 * Marks a JPA converter whose column holds one {@link FieldCipher} ciphertext per value (a string,
 * an enum's name, a JSON document): key rotation finds such columns in the mapping and re-encrypts
 * them whatever the attribute's type.
 */
public interface EncryptingConverter {}
