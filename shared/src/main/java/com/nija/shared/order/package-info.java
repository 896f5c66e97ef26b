/**
 * The order model's vocabulary: side, status, intent, type and trigger. Below every other package (the data layer,
 * the broker port and the engine all speak it), so it depends on nothing of NIJA's. Each enum's name is the string
 * stored in DynamoDB and shown by the API.
 */
package com.nija.shared.order;
