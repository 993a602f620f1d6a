package com.extensioncallouts.callout;

public enum CalloutMethod { GET, POST }
