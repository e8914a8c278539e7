package org.casework.core.demo;

/** The demo county and the places the demo accounts work in. */
final class DemoCounty {

    static final String PASSWORD = "casework-demo";
    static final String COUNTY = "410225";
    static final String GUYANG = "410225101";
    static final String NANZHANG = "410225102";
    static final String RENZHUANG = "410225101201";
    static final String CAOZHAI = "410225101202";

    private DemoCounty() {}
}
