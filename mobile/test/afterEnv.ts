import { configure } from "@testing-library/react-native";

// The first render of a suite compiles a lot on a 2-core machine.
configure({ asyncUtilTimeout: 5000 });
jest.setTimeout(20_000);
