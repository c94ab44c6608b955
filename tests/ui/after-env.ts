import { configure } from '@testing-library/react';

// Pages here talk to a real in-process host on SQLite; on a busy two-core CI machine a save and the
// reload after it can take longer than the library's default one second to show. Loaded after the
// test framework, so the library still registers its cleanup after each test.
configure({ asyncUtilTimeout: 5000 });
