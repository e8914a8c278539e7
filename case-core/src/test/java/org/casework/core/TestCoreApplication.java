package org.casework.core;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The core alone as an application, for slice and service tests inside case-core (the station
 * server lives in case-web). Settings in src/test/resources/application.yml mirror case-web's.
 */
@SpringBootApplication
public class TestCoreApplication {}
