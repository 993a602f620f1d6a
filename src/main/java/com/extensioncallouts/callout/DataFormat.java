package com.extensioncallouts.callout;

public enum DataFormat { XML, NAME_VALUE, JSON }
