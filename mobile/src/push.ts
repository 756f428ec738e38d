// Push registration: on a phone, after sign-in, the app asks for permission and registers its
// Expo push token with the server (POST /api/push-devices); pushes for the user then reach the
// server's push provider (notifications.push_url) with the user's device tokens. On sign-out the
// device is forgotten. Nothing happens on the web or when permission is refused.
import Constants from "expo-constants";
import * as Notifications from "expo-notifications";
import { Platform } from "react-native";

/** The device's push token, or null (web, no permission, no push service). */
export async function devicePushToken(): Promise<string | null> {
  if (Platform.OS === "web") return null;
  try {
    const { status } = await Notifications.requestPermissionsAsync();
    if (status !== "granted") return null;
    const projectId = (Constants.expoConfig?.extra as { eas?: { projectId?: string } } | undefined)?.eas?.projectId;
    const token = await Notifications.getExpoPushTokenAsync(projectId ? { projectId } : undefined);
    return token.data;
  } catch {
    // Simulators and builds without push credentials have no token: the app works without push.
    return null;
  }
}
