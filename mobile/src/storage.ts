// Where the app keeps things: the sign-in token in the platform's secure storage
// (expo-secure-store on devices; memory only on the web, so a token never lands in
// localStorage), everything else (server URL, offline queue, recent contacts) in AsyncStorage.
import AsyncStorage from "@react-native-async-storage/async-storage";
import * as SecureStore from "expo-secure-store";
import { Platform } from "react-native";

const TOKEN_KEY = "crm.token";
let memoryToken: string | null = null;

export const tokenStore = {
  async get(): Promise<string | null> {
    if (Platform.OS === "web") return memoryToken;
    return SecureStore.getItemAsync(TOKEN_KEY);
  },
  async set(token: string | null): Promise<void> {
    if (Platform.OS === "web") {
      memoryToken = token;
      return;
    }
    if (token) await SecureStore.setItemAsync(TOKEN_KEY, token);
    else await SecureStore.deleteItemAsync(TOKEN_KEY);
  },
};

/** A small JSON key-value store. */
export interface KeyValue {
  get<T>(key: string): Promise<T | null>;
  set<T>(key: string, value: T): Promise<void>;
  remove(key: string): Promise<void>;
}

export const kv: KeyValue = {
  async get<T>(key: string) {
    const raw = await AsyncStorage.getItem(key);
    if (raw == null) return null;
    try {
      return JSON.parse(raw) as T;
    } catch {
      return null;
    }
  },
  async set<T>(key: string, value: T) {
    await AsyncStorage.setItem(key, JSON.stringify(value));
  },
  async remove(key: string) {
    await AsyncStorage.removeItem(key);
  },
};
