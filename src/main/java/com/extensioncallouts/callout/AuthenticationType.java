package com.extensioncallouts.callout;

public enum AuthenticationType { NONE, BASIC, BEARER, HEADER }
