import React from 'react';
import {render, Text} from 'ink';
render(<Text>hello</Text>);
