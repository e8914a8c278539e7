package org.casework.core.clients;

/** A client's numbers in full, handed out only with a permission and a logged reason. */
public record RevealedIdentifiers(String idNumber, String phone, String guardianPhone, String carerPhone) {}
